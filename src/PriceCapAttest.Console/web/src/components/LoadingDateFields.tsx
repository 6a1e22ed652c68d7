/** The "Loaded from" and "Loaded until" date inputs of a filter form (ids from and to). */
export function LoadingDateFields(props: { from: string; to: string; onFrom: (value: string) => void; onTo: (value: string) => void }) {
  return (
    <>
      <div class="field">
        <label for="from">Loaded from</label>
        <input id="from" name="from" type="date" value={props.from} onInput={(e) => props.onFrom((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="to">Loaded until</label>
        <input id="to" name="to" type="date" value={props.to} onInput={(e) => props.onTo((e.target as HTMLInputElement).value)} />
      </div>
    </>
  );
}
