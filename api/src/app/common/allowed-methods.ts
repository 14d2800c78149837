/** The methods of each documented path, for the 405 answers of the others (see `allowedMethods`). */
let routeMethods: Array<{ pattern: RegExp; methods: string[] }> = [];

export function rememberRouteMethods(routes: Array<{ method: string; path: string }>): void {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) byPath.set(route.path, (byPath.get(route.path) ?? new Set()).add(route.method.toUpperCase()));
  routeMethods = [...byPath.entries()].map(([path, methods]) => {
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}|\{\w+\}/g, '[^/]+')}/?$`);
    if (methods.has('GET')) methods.add('HEAD');
    return { pattern, methods: [...methods].sort() };
  });
}

/** The methods a path answers (empty: an unknown path), for `405 Method Not Allowed` with `Allow`. */
export function allowedMethods(url: string): string[] {
  const path = url.split('?')[0];
  return routeMethods.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods);
}
