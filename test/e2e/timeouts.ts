/**
 * How long end-to-end tests wait for work that a busy machine slows down. CI runs the suite on a
 * shared machine with two cores, where training, cross-validation and a large import can take
 * several times as long as on a quiet laptop: these bounds catch a hang, they do not time the app.
 */

/** One wait for a training run, a cross-validation, feature importance or a large import to end. */
export const SLOW_WORK_MS = 120_000;

/** A whole test that trains, cross-validates or imports a large file (the project's default is 60 s, about 2× what such a test takes on a quiet machine). */
export const LONG_TEST_MS = 300_000;
