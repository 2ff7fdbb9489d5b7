/** PDF points per millimetre: templates are in mm, PDF pages in points. */
export const PT_PER_MM = 72 / 25.4;

export const mm = (v: number): number => v * PT_PER_MM;
