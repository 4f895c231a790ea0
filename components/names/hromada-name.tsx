/** A hromada (or oblast) in Ukrainian, with its romanised name for readers of Latin script. */
export function HromadaName({ nameUk, nameEn }: { nameUk: string; nameEn: string }) {
  return (
    <span className="place-name">
      <span lang="uk">{nameUk}</span> <span className="text-sm text-muted">({nameEn})</span>
    </span>
  );
}
