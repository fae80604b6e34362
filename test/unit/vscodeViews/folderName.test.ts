import { strict as assert } from 'node:assert';
import { folderNameOf } from '../../../src/vscode/tree/folderName';

// trial14b F8: in a multi-root window two rows from `shop` and `platform` differed only by the post-mortem title.
describe('the Action Items rows name their workspace folder in a multi-root window', () => {
  const shop = { name: 'shop', uri: 'file:///ws/shop' };
  const platform = { name: 'platform', uri: 'file:///ws/platform' };

  it('names the folder holding the file when there are several', () => {
    assert.equal(folderNameOf('file:///ws/shop/postmortems/a.md', [shop, platform]), 'shop');
    assert.equal(folderNameOf('file:///ws/platform/postmortems/a.md', [shop, platform]), 'platform');
  });

  it('says nothing in a single-folder window or for a file outside the folders; a prefix of a name is not its folder', () => {
    assert.equal(folderNameOf('file:///ws/shop/postmortems/a.md', [shop]), undefined);
    assert.equal(folderNameOf('file:///elsewhere/a.md', [shop, platform]), undefined);
    assert.equal(folderNameOf('file:///ws/shop-old/a.md', [shop, platform]), undefined);
  });

  it('the deepest folder wins when one is nested in another', () => {
    const nested = { name: 'shop-docs', uri: 'file:///ws/shop/docs' };
    assert.equal(folderNameOf('file:///ws/shop/docs/pm.md', [shop, nested, platform]), 'shop-docs');
    assert.equal(folderNameOf('file:///ws/shop/docs/pm.md', [nested, shop, platform]), 'shop-docs');
  });
});
