import type { ValueTransformer } from 'typeorm';

/** mysql2 returns DECIMAL as a string; the API and the code work with numbers. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
