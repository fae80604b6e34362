import { strict as assert } from 'node:assert';
import { RowNaming } from '../../../webview/diagram/rowNaming';

describe('naming a row in the diagram editor', () => {
  it('writes a new row only once it is named: finishing its field says it was new and which row was selected before', () => {
    const naming = new RowNaming();
    const token = naming.nameNewRow('k7', 'k3', 'New cause');
    assert.equal(naming.renaming, 'k7');
    assert.equal(naming.hasUnwritten, true);
    assert.deepEqual(naming.finish(token), { current: true, target: { key: 'k7', identity: undefined, label: 'New cause' }, unwritten: { before: 'k3', origin: undefined } });
    assert.equal(naming.renaming, undefined);
    assert.equal(naming.hasUnwritten, false);
  });

  it('ignores a late blur from a name field whose rename already ended', () => {
    const naming = new RowNaming();
    const first = naming.rename('k1', 'id-1', 'One');
    const second = naming.rename('k2', 'id-2', 'Two');
    assert.deepEqual(naming.finish(first), { current: false });
    assert.equal(naming.renaming, 'k2');
    assert.deepEqual(naming.finish(second), { current: true, target: { key: 'k2', identity: 'id-2', label: 'Two' }, unwritten: undefined });
    assert.deepEqual(naming.finish(second), { current: false }, 'a second close of the same field does nothing');
  });

  it('keeps what was typed and follows the row to its new key when the text changes under the field', () => {
    const naming = new RowNaming();
    const token = naming.rename('1.1', 'id', 'One query per cart line');
    naming.typing(token, 'Per-line queries');
    naming.typing(token + 1, 'from another field');
    naming.follow('1.2');
    assert.equal(naming.renaming, '1.2');
    assert.equal(naming.typed, 'Per-line queries');
    assert.deepEqual(naming.finish(token), { current: true, target: { key: '1.2', identity: 'id', label: 'One query per cart line' }, unwritten: undefined });
  });

  it('drops an unwritten row when the text is re-read, giving back the row selected before', () => {
    const naming = new RowNaming();
    assert.equal(naming.dropUnwritten(), undefined);
    naming.nameNewRow('k9', undefined, 'New cause');
    assert.deepEqual(naming.dropUnwritten(), { before: undefined });
    assert.equal(naming.renaming, undefined);
    assert.equal(naming.hasUnwritten, false);
  });

  it('keeps the field, its token and the typed text when a new row is added again after the text changed (trial14b F7)', () => {
    const naming = new RowNaming();
    const token = naming.nameNewRow('0.1', '0.0', 'New cause', { anchor: 'People/New on-call#0', action: 'addSibling' });
    naming.typing(token, 'Pager went to');
    assert.deepEqual(naming.unwrittenOrigin, { anchor: 'People/New on-call#0', action: 'addSibling' });
    naming.readded('0.2', '0.1');
    assert.equal(naming.renaming, '0.2');
    assert.equal(naming.typed, 'Pager went to');
    assert.deepEqual(naming.finish(token), {
      current: true, target: { key: '0.2', identity: undefined, label: 'New cause' },
      unwritten: { before: '0.1', origin: { anchor: 'People/New on-call#0', action: 'addSibling' } },
    });
  });
});
