// Upload by drag and drop (or a file picker), with progress.
import { h, link, documentURL } from '../dom.js';
import { upload } from '../api.js';

/** uploadPage renders GET /upload. */
export async function uploadPage(main) {
  main.append(h('h1', null, 'Upload documents'));
  const input = h('input', { type: 'file', id: 'file', multiple: true, accept: '.txt,.md,.markdown,.html,.htm,.pdf,.docx' });
  const drop = h('div', { class: 'drop', id: 'drop' },
    h('p', null, 'Drop files here (txt, md, html, pdf, docx), or choose them:'),
    h('label', { for: 'file' }, 'Files '), input);
  const results = h('ul', { class: 'plain', id: 'uploads', 'aria-live': 'polite' });
  main.append(drop, results);
  const send = async (files) => {
    for (const f of files) {
      const bar = h('progress', { max: '1', value: '0', 'aria-label': 'Uploading ' + f.name });
      const line = h('li', null, h('div', null, f.name), bar);
      results.append(line);
      try {
        const res = await upload(f, (p) => { bar.value = p; });
        bar.value = 1;
        line.append(h('div', null, res.new ? 'Stored: ' : 'Already stored: ', link(documentURL(res.id), 'open ' + f.name)));
      } catch (err) {
        line.append(h('div', { class: 'error', role: 'alert' }, err.message));
      }
    }
  };
  input.addEventListener('change', () => send([...input.files]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    send([...e.dataTransfer.files]);
  });
}
