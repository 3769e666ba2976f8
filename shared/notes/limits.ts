/** A note's longest text, in UTF-16 code units: a long investigation summary fits, a dump does not. */
export const NOTE_MAX_LENGTH = 10_000;
