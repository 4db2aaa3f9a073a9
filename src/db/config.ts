export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = 'sqlite:./data/stockroom.db';

/** `sqlite:PATH` (PATH may be `:memory:`) or `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', url };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new Error(`DATABASE_URL '${url}' names no file`);
    return { dialect: 'sqlite', path };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got '${url}'`);
}
