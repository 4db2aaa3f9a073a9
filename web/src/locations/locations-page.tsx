import { Grid, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useLocationTree } from '../api/queries';
import type { LocationNode } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { LocationStock } from './location-stock';
import { LocationTree } from './location-tree';
import { NewLocationForm } from './new-location-form';

function TreeWithStock({ sites }: { sites: LocationNode[] }) {
  const [selected, setSelected] = useState<LocationNode | null>(null);
  if (sites.length === 0) return <Text c="dimmed">No sites yet: add the first warehouse or store below.</Text>;
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="sm" component="nav" aria-label="Location tree">
          <LocationTree nodes={sites} selected={selected?.id ?? null} onSelect={setSelected} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {selected ? <LocationStock location={selected} /> : <Text c="dimmed" p="md">Choose a location to see its stock.</Text>}
      </Grid.Col>
    </Grid>
  );
}

/** The warehouse layout on one side, the stock of the chosen place on the other. */
export function LocationsPage() {
  const tree = useLocationTree();
  return (
    <>
      <PageHeader title="Locations" description="Sites, their zones and bins. Choose one to see what it holds." />
      <QueryState query={tree} what="locations">
        {({ data }) => (
          <>
            <TreeWithStock sites={data} />
            <NewLocationForm sites={data} />
          </>
        )}
      </QueryState>
    </>
  );
}
