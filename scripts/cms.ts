/**
 * `npm run cms`: local editing. Starts decap-server in Git mode on 127.0.0.1:8081 (the CMS's
 * `local_backend`) and the site's dev server on 127.0.0.1:4321, then prints where to open the CMS.
 * Git mode commits everything in the working tree with each save: see docs/editing.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDecapServer } from './decap-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = 8081;

const status = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
if (status.status !== 0) {
  console.error(`Thư mục ${root} không phải kho Git: CMS ở chế độ Git cần một kho Git.\n${status.stderr}`);
  process.exit(1);
}
if (status.stdout.trim() !== '') {
  console.warn(
    'Lưu ý: thư mục làm việc đang có thay đổi chưa commit. Ở chế độ Git, mỗi lần lưu trong CMS sẽ commit TẤT CẢ các thay đổi này cùng bài viết.\n' +
      'Hãy commit hoặc cất (git stash) chúng trước nếu không muốn vậy:\n' +
      status.stdout,
  );
}

const decap = await startDecapServer({ repo: root, port: PORT });
const dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1'], { cwd: root, stdio: 'inherit' });
console.log(`\nCMS: mở http://127.0.0.1:4321/admin/ (máy chủ Git cục bộ: ${decap.url}). Dừng bằng Ctrl+C.\n`);

let stopping = false;
const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  dev.kill();
  await decap.stop();
  process.exit(code);
};
dev.on('exit', (code) => void stopAll(code ?? 0));
decap.process.on('exit', (code) => {
  if (stopping) return;
  console.error(`decap-server đã dừng (mã ${code}).`);
  void stopAll(1);
});
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
