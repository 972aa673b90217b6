// findBy*/waitFor give up after 1 s by default. The screens wait on IndexedDB (fake-indexeddb) and
// React; on a busy CI core that can take longer without anything being wrong, and a wrong screen
// still fails, only later. Only the DOM test files load Testing Library (the others pay nothing).
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
