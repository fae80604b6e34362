import { strict as assert } from 'node:assert';
import { RowNaming } from '../../../webview/diagram/rowNaming';

describe('naming a row in the diagram editor', () => {
  it('writes a new row only once it is named: finishing its field says it was new and which row was selected before', () => {
    const naming = new RowNaming();
    naming.nameNewRow('k7', 'k3');
    assert.equal(naming.renaming, 'k7');
    assert.equal(naming.hasUnwritten, true);
    assert.deepEqual(naming.finish('k7'), { current: true, unwritten: { before: 'k3' } });
    assert.equal(naming.renaming, undefined);
    assert.equal(naming.hasUnwritten, false);
  });

  it('ignores a late blur from a name field a redraw already closed', () => {
    const naming = new RowNaming();
    naming.rename('k2');
    assert.deepEqual(naming.finish('k1'), { current: false });
    assert.equal(naming.renaming, 'k2');
    assert.deepEqual(naming.finish('k2'), { current: true, unwritten: undefined });
  });

  it('drops an unwritten row when the text is re-read, giving back the row selected before', () => {
    const naming = new RowNaming();
    assert.equal(naming.dropUnwritten(), undefined);
    naming.nameNewRow('k9', undefined);
    assert.deepEqual(naming.dropUnwritten(), { before: undefined });
    assert.equal(naming.renaming, undefined);
    assert.equal(naming.hasUnwritten, false);
  });
});
