import type { ValueTransformer } from 'typeorm';

/** MariaDB returns DECIMAL as a string; the read models speak numbers. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
