/** What a new agent sees before anything was flagged: what to do, not a blank list. */
export function EmptyState() {
  return (
    <div className="empty">
      <h2>No customers yet</h2>
      <p>
        Browse X, a blog or a forum: complaints get flagged right on the page, and everyone you answer shows up here
        with their history.
      </p>
      <ol className="empty-steps">
        <li>Open a page where customers talk about your product.</li>
        <li>
          Click <strong>Reply as support</strong> beside a flagged post to answer as yourself.
        </li>
        <li>Promise a follow-up, and it comes back here when it is due.</li>
      </ol>
      <p className="muted small">Add your name and brand terms in Options so replies are personal and mentions are caught.</p>
    </div>
  );
}
