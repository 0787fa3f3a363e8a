/** The date order chosen on the Import page travels with the upload's mapping (app/web/src/lib/mapping.ts). */
import { describe, expect, it } from 'vitest';
import { draftFromDetected, mappingToSend, withDateOrder, withField } from '../../app/web/src/lib/mapping.ts';

const headers = ['lead_id', 'created_at', 'Kanal'];
const detected = [{ kind: 'leads', fields: { lead_id: 'lead_id', created_at: 'created_at', source: 'Kanal' } }];

describe('the date order in the mapping sent', () => {
  it('sends nothing while the reading stands, and only the order when that is all the user said', () => {
    const draft = draftFromDetected(detected);
    expect(mappingToSend(draft, headers)).toBeUndefined();
    expect(mappingToSend(withDateOrder(draft, 'MDY'), headers)).toEqual({
      kind: 'leads', fields: { lead_id: 'lead_id', created_at: 'created_at', source: 'Kanal' }, date_order: 'MDY',
    });
    expect(mappingToSend(withDateOrder(withDateOrder(draft, 'MDY'), ''), headers)).toBeUndefined();
  });

  it('sends it beside a mapping the user edited, which is then the whole mapping', () => {
    const edited = withDateOrder(withField(draftFromDetected(detected), 0, 'source', ''), 'DMY');
    expect(mappingToSend(edited, headers)).toEqual({
      kind: 'leads', fields: { lead_id: 'lead_id', created_at: 'created_at' }, complete: true, date_order: 'DMY',
    });
  });
});
