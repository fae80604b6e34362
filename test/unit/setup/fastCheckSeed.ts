import fc from 'fast-check';

/**
 * Property tests run with one fixed seed, so `npm test` gives the same verdict on every machine and a
 * CI failure can be replayed. Explore other inputs with FC_SEED=<number>, or FC_SEED=random (the seed
 * used is printed when a property fails).
 */
const requested = process.env.FC_SEED;
const seed = requested === 'random' ? Date.now() % 2 ** 31 : requested ? Number(requested) : 20261127;
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${requested}`);
fc.configureGlobal({ seed });
