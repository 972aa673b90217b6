import type { FrontlineDB } from '@/lib/db';
import { ContactList } from './ContactList';
import { ContactTimeline } from './ContactTimeline';

interface Props {
  db: FrontlineDB;
  contactId: string | null;
  onSelect: (contactId: string) => void;
}

/** People on the left, the selected person's whole story on the right. */
export function ContactsView({ db, contactId, onSelect }: Props) {
  return (
    <div className="contacts-view">
      <ContactList db={db} selectedId={contactId} onSelect={onSelect} />
      <section className="timeline-pane" aria-label="Contact history">
        {contactId ? (
          <ContactTimeline db={db} contactId={contactId} />
        ) : (
          <div className="pane-message muted">
            <h2>Pick a customer</h2>
            <p>Their posts, your replies, status changes and follow-ups appear here, oldest event first.</p>
          </div>
        )}
      </section>
    </div>
  );
}
