// An organization's rating as shown: the average of its published, visible reviews to one
// decimal (null before the first), and how many there are.
export function ratingOf(sum: number, count: number): { average: number | null; count: number } {
  return { average: count ? Math.round((sum / count) * 10) / 10 : null, count };
}
