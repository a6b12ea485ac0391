const numberFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "850 octets", "12,3 Ko", "4,2 Mo" — the units a French user reads on their own computer. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  if (bytes < 1024 * 1024) return `${numberFr.format(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${numberFr.format(bytes / (1024 * 1024))} Mo`;
  return `${numberFr.format(bytes / (1024 * 1024 * 1024))} Go`;
}
