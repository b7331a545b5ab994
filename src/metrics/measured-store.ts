import type { Metrics } from './metrics.js';

/**
 * The same store, timing every method that returns a promise (labelled with the method's name), whichever
 * implementation is behind it.
 */
export function measuredStore<T extends object>(store: T, metrics: Pick<Metrics, 'storeOperation'>): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = Reflect.apply(value, target, args);
        if (!(result instanceof Promise)) return result;
        const observe = () => metrics.storeOperation(property, (performance.now() - started) / 1000);
        result.then(observe, observe);
        return result;
      };
    },
  });
}
