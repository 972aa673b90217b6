import { ProfileSettings } from './ProfileSettings';
import { TemplatesEditor } from './TemplatesEditor';
import './options.css';

export function OptionsPage() {
  return (
    <main className="op-page">
      <header className="op-header">
        <div className="op-logo" aria-hidden="true">F</div>
        <div>
          <h1>Frontline</h1>
          <p>Support customers where they are — as a real person.</p>
        </div>
      </header>
      <ProfileSettings />
      <TemplatesEditor />
      <p className="op-foot">Keyboard: open the command palette on any page with Ctrl+Shift+K (change it at chrome://extensions/shortcuts).</p>
    </main>
  );
}
