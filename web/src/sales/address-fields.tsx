import { SimpleGrid, TextInput } from '@mantine/core';
import type { DeliveryAddress } from '../api/types';

export type AddressValues = Record<'line1' | 'line2' | 'city' | 'postalCode' | 'country' | 'region' | 'latitude' | 'longitude', string>;

export const EMPTY_ADDRESS: AddressValues = { line1: '', line2: '', city: '', postalCode: '', country: '', region: '', latitude: '', longitude: '' };

/** The address as the API takes it: only what was typed, coordinates as decimal text (never a float). */
export function addressBody(v: AddressValues): DeliveryAddress | undefined {
  const entries = Object.entries(v).map(([k, text]) => [k, text.trim().replace(',', '.')] as const).filter(([, text]) => text !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export const ADDRESS_KEYS = Object.keys(EMPTY_ADDRESS).map((k) => `address.${k}`);

/** Where the order goes. Region and coordinates are optional: routing uses them to pick the nearest site. */
export function AddressFields({ value, onChange, errors }: { value: AddressValues; onChange: (v: AddressValues) => void; errors: Record<string, string> }) {
  const field = (name: keyof AddressValues, label: string, extra: { description?: string; inputMode?: 'decimal'; placeholder?: string } = {}) => (
    <TextInput label={label} value={value[name]} onChange={(e) => onChange({ ...value, [name]: e.currentTarget.value })} error={errors[`address.${name}`]} {...extra} />
  );
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend className="visually-hidden">Delivery address</legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {field('line1', 'Street and number')}
        {field('line2', 'Address line 2')}
        {field('postalCode', 'Postal code')}
        {field('city', 'City')}
        {field('country', 'Country', { placeholder: 'DE' })}
        {field('region', 'Region', { description: 'Matched against the sites’ regions when there are no coordinates', placeholder: 'DE-BE' })}
        {field('latitude', 'Latitude', { inputMode: 'decimal', placeholder: '52.5170', description: 'Optional: the closest site ships' })}
        {field('longitude', 'Longitude', { inputMode: 'decimal', placeholder: '13.3889' })}
      </SimpleGrid>
    </fieldset>
  );
}
