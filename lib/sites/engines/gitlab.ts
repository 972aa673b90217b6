import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * A self-hosted GitLab's issues and merge requests. Comments are written from gitlabhq's notes
 * components (noteable_note.vue, note_header.vue, note_body.vue): li.note.timeline-entry#note_N, the
 * name in .note-header-author-name inside the author link, "@username" beside it, the time a
 * <time datetime> in the #note_N timestamp link, the words in .note-text. System notes ("added bug
 * label") are timeline entries too: not posts. The description opens the page in
 * .detail-page-description, its author named in the header above ("Issue created … by <a
 * class=author-link><span class=author>"), from memory of GitLab's issuable header. Checked against a
 * page made from those components.
 */
const F = 'engines/gitlab--code.example-maps.org-issues-207.html';
/** The description's author, named in the page header outside the description. */
const OPENING_AUTHOR = '.detail-page-header .author-link .author';

const spec: EngineSpec = {
  name: 'gitlab',
  gate: { classes: ['note-text', 'detail-page-description'] },
  selectors: {
    fingerprint: { css: 'li.note.timeline-entry[id^="note_"] .note-header-author-name, .detail-page-description .description .md', checkedAgainst: F },
    post: { css: '.detail-page-description, li.note.timeline-entry[id^="note_"]', checkedAgainst: F },
    author: { css: '.note-header-author-name', checkedAgainst: F },
    text: { css: '.note-text, .description .md', checkedAgainst: F },
    permalink: { css: 'a.note-timestamp[href^="#note_"]', checkedAgainst: F },
    time: { css: '.note-timestamp time[datetime]', checkedAgainst: F },
    openingAuthor: { css: OPENING_AUTHOR, checkedAgainst: F },
  },
  keep: (el) => !el.classList.contains('system-note') && el.querySelector('.note-text, .description .md') !== null,
  authorOutside: (el) =>
    el.matches('.detail-page-description') ? (el.closest('.issuable-details') ?? el.ownerDocument).querySelector(OPENING_AUTHOR) : null,
  composer: '.js-main-target-form textarea, #note-body',
};

export const gitlabSite = engineSite(spec);
export const gitlabAdapter = engineAdapter(spec, gitlabSite);
