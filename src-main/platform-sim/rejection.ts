/** Why the platform refuses one event: a machine-readable code and a Chinese reason naming the field. */
export interface Rejection {
  code: string;
  reason: string;
}
