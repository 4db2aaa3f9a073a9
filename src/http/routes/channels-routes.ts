import { z } from 'zod';
import * as availability from '../../sales/availability-service.js';
import * as channels from '../../sales/channel-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page, RefParams } from '../schemas/common.js';
import { Channel, ChannelAvailability, ChannelAvailabilityQuery, ChannelChangesBody, ChannelListQuery, NewChannelBody } from '../schemas/sales-channels.js';

const tags = ['sales'];
const base = '/api/v1/channels';

export function channelRoutes(app: Api, { store }: Deps): void {
  app.post(base, { schema: { tags, summary: 'Create a sales channel', body: NewChannelBody, response: { 201: Channel, ...errorResponses } } },
    async (req, reply) => done(reply, await channels.createChannel(store, contextOf(req), req.body), 201));

  app.get(base, { schema: { tags, summary: 'List sales channels by code', querystring: ChannelListQuery, response: { 200: page(Channel), ...errorResponses } } },
    async (req) => channels.listChannels(store.db, req.query));

  app.get(`${base}/:ref`, { schema: { tags, summary: 'Get a channel by id or code', params: RefParams, response: { 200: Channel, ...errorResponses } } },
    async (req) => channels.getChannel(store.db, req.params.ref));

  app.patch(`${base}/:ref`, { schema: { tags, summary: 'Change a channel (locations and item buffers are replaced whole)', params: RefParams, body: ChannelChangesBody, response: { 200: Channel, ...errorResponses } } },
    async (req, reply) => done(reply, await channels.updateChannel(store, contextOf(req), req.params.ref, req.body)));

  app.post(`${base}/:ref/archive`, { schema: { tags, summary: 'Archive a channel (no new orders; open ones carry on)', params: RefParams, response: { 200: Channel, ...errorResponses } } },
    async (req, reply) => done(reply, await channels.setChannelArchived(store, contextOf(req), req.params.ref, true)));

  app.post(`${base}/:ref/restore`, { schema: { tags, summary: 'Bring an archived channel back', params: RefParams, response: { 200: Channel, ...errorResponses } } },
    async (req, reply) => done(reply, await channels.setChannelArchived(store, contextOf(req), req.params.ref, false)));

  app.get(`${base}/:ref/availability`, { schema: { tags, summary: 'What the channel may sell of each item (available minus buffer, never below zero)', params: RefParams, querystring: ChannelAvailabilityQuery, response: { 200: page(ChannelAvailability), ...errorResponses } } },
    async (req) => availability.listChannelAvailability(store.db, req.params.ref, req.query));

  app.get('/api/v1/items/:ref/availability', { schema: { tags, summary: 'What each channel may sell of one item', params: RefParams, response: { 200: z.object({ data: z.array(ChannelAvailability) }), ...errorResponses } } },
    async (req) => availability.itemAvailability(store.db, req.params.ref));
}
