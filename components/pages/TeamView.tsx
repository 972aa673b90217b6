import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { FrontlineDB } from '@/lib/db';
import { TEAM_PERIODS, loadTeamActivity, teamPeriodRange, type TeamPeriod } from '@/lib/insights';
import { loadTeamSettings } from '@/lib/settings/team';
import { now } from '@/lib/time/clock';
import { TeamCounts, TeamReplies, TeamUnanswered } from './TeamTables';
import { TeamClaims } from './TeamClaims';
import { FeedbackReportPanel } from './FeedbackReportPanel';
import { useNow } from './useNow';
import { openOptions } from './open-tab';
import { openDashboardContact } from './useHashRoute';

/**
 * Who on the team answered what, from the local log (colleagues' events carry `by`). Shown when
 * team sync is on (opening it syncs); otherwise says how to switch it on. Open claims live only on the server: the
 * background asks it for them (TeamClaims).
 */
export function TeamView({ db }: { db: FrontlineDB }) {
  const [me, setMe] = useState<string | null | undefined>(undefined);
  const [period, setPeriod] = useState<TeamPeriod>('week');
  const nowTick = useNow();
  useEffect(() => {
    let live = true;
    loadTeamSettings()
      .then(({ settings }) => live && setMe(settings.enabled ? settings.user : null))
      // Storage unreadable: shown as off (with how to switch it on), never a spinner forever.
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  // Opening the Team tab syncs (as the popup does): the worker may have slept through its alarm,
  // and the tables are live queries, so colleagues' events show as they land.
  // The claims are asked again once it is done: a claimed post this browser had not seen yet
  // now has its customer.
  const [synced, setSynced] = useState(0);
  useEffect(() => {
    if (!me) return;
    let live = true;
    void import('@/lib/background/team-sync')
      .then(({ runTeamSync }) => runTeamSync(db, { force: true }))
      .then(() => live && setSynced((n) => n + 1))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db, me]);
  // Fixed when the period is chosen, so live updates do not move the window on every render.
  const range = useMemo(() => ({ ...teamPeriodRange(period, now()), now: now() }), [period]);
  const activity = useLiveQuery(async () => (me ? loadTeamActivity(db, { me, ...range }) : null), [db, me, range]);

  if (me === undefined) return <p className="muted">Loading…</p>;
  if (me === null) {
    return (
      <div className="team team-off stack-lg">
        <h2>Team sync is off</h2>
        <p>
          The Team view shows who on your team answered which customer, reply counts and waits per agent, and the flagged posts
          nobody has answered yet. It needs team sync: your team lead sets up a CouchDB server and team database.
        </p>
        <p>
          Open <strong>Options → Team sync</strong>, enter the server address, team database, your user name and password, then{' '}
          <strong>Test connection</strong> and <strong>Switch team sync on</strong>.
        </p>
        <button type="button" className="btn" onClick={() => void openOptions()}>
          Open Options
        </button>
      </div>
    );
  }
  return (
    <div className="team stack-lg">
      <div className="row">
        <h2 className="grow">Team</h2>
        <label className="row">
          <span className="muted small">Period</span>
          <select className="select" value={period} onChange={(e) => setPeriod(e.target.value as TeamPeriod)} aria-label="Period">
            {TEAM_PERIODS.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        You are <strong>{me}</strong>. Figures come from this browser&apos;s copy of the team log, as of the last sync.
      </p>
      <TeamClaims now={nowTick} onOpen={openDashboardContact} refreshKey={synced} />
      {activity ? (
        <>
          <TeamCounts agents={activity.agents} team={activity.team} />
          <TeamReplies replies={activity.replies} onOpen={openDashboardContact} now={range.now} />
          <TeamUnanswered posts={activity.unanswered} onOpen={openDashboardContact} />
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <FeedbackReportPanel db={db} range={range} team={{ me }} />
    </div>
  );
}
