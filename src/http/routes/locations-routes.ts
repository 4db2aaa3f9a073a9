import { z } from 'zod';
import * as locations from '../../locations/location-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, RefParams } from '../schemas/common.js';
import { Location, LocationChangesBody, LocationListQuery, LocationNode, NewLocationBody } from '../schemas/locations.js';

const tags = ['locations'];

export function locationRoutes(app: Api, { store }: Deps): void {
  app.post('/api/v1/locations', { schema: { tags, summary: 'Create a site, zone, bin or virtual location', body: NewLocationBody, response: { 201: Location, ...errorResponses } } },
    async (req, reply) => done(reply, await locations.createLocation(store, contextOf(req), req.body), 201));

  app.get('/api/v1/locations', { schema: { tags, summary: 'List locations', querystring: LocationListQuery, response: { 200: page(Location), ...errorResponses } } },
    async (req) => locations.listLocations(store.db, req.query));

  app.get('/api/v1/locations/tree', { schema: { tags, summary: 'Sites with their zones and bins nested', querystring: z.object({ site: z.string().max(200).optional() }), response: { 200: z.object({ data: z.array(LocationNode) }), ...errorResponses } } },
    async (req) => ({ data: await locations.locationTree(store.db, req.query.site) }));

  app.get('/api/v1/locations/:ref', { schema: { tags, summary: 'Get a location by id or code', params: RefParams, response: { 200: Location, ...errorResponses } } },
    async (req) => locations.getLocation(store.db, req.params.ref));

  app.patch('/api/v1/locations/:ref', { schema: { tags, summary: 'Rename, or flag sellable / allow negative', params: RefParams, body: LocationChangesBody, response: { 200: Location, ...errorResponses } } },
    async (req, reply) => done(reply, await locations.updateLocation(store, contextOf(req), req.params.ref, req.body)));

  app.post('/api/v1/locations/:ref/archive', { schema: { tags, summary: 'Archive an empty location', params: RefParams, response: { 200: Location, ...errorResponses } } },
    async (req, reply) => done(reply, await locations.archiveLocation(store, contextOf(req), req.params.ref)));
}
