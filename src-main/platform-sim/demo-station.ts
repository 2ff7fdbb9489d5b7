/**
 * The station a simulator started without --seed-station knows, so a demo or a training station works
 * out of the box. Its secret is fixed and published here: anyone can sign as this station. Demos and
 * training only — a real platform provisions each station its own secret.
 */
export const DEMO_STATION = {
  stationId: 'demo-station',
  // base64 of the 32 bytes "CivReg demo station secret 2025!"
  secret: 'Q2l2UmVnIGRlbW8gc3RhdGlvbiBzZWNyZXQgMjAyNSE=',
} as const;
