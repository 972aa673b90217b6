import { LearnedReaders } from './LearnedReaders';
import { PaletteShortcutNote } from './PaletteShortcutNote';
import { ProfileSettings } from './ProfileSettings';
import { TeamSync } from './TeamSync';
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
      <LearnedReaders />
      <TeamSync />
      <PaletteShortcutNote />
    </main>
  );
}
