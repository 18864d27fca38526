import { useCallback, useEffect, useState } from 'react';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useParams } from 'react-router-dom';
import type { ProjectorState } from '../../../../src/meetings/meetings.schema.ts';
import { useProjectorI18n } from './projector.i18n';
import { clockText, countdown, spentSeconds } from './projectorClock';
import { useProjectorStream } from './useProjectorStream';
import './projector.css';

/*
 * The meeting room's screen (/app/meetings/:id/projector, outside the workspace layout): the
 * meeting's title, who speaks now for which unit, their countdown (warning colour in the last
 * `warningSeconds`, then overtime as +mm:ss), the next two speakers and the meeting's time
 * against its plan. It follows the secretary live through the events stream; the type is sized
 * by the screen's height, to be read from the back of a hall.
 */

type T = ReturnType<typeof useProjectorI18n>['t'];

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function useFullscreen(): { active: boolean; toggle: () => void; available: boolean } {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);
  return { active, toggle, available: document.fullscreenEnabled !== false };
}

function Countdown({ state, serverNow, t }: { state: ProjectorState; serverNow: number; t: T }) {
  const current = state.current!;
  const shown = countdown(current, state.warningSeconds, serverNow);
  const paused = current.pausedAt !== null;
  return (
    <section
      className={`projector-countdown projector-${shown.phase}${paused ? ' projector-is-paused' : ''}`}
      aria-label={t('projector.timeLeft')}
      data-phase={shown.phase}
      data-paused={paused ? '1' : '0'}
    >
      <div className="projector-label">
        {paused
          ? t('projector.paused')
          : shown.phase === 'overtime'
            ? t('projector.overtime')
            : t('projector.timeLeft')}
      </div>
      <div className="projector-clock" data-testid="projector-countdown">
        {shown.text}
      </div>
      <div className="projector-bar" aria-hidden="true">
        <div className="projector-bar-fill" style={{ width: `${shown.progress * 100}%` }} />
      </div>
      <div className="projector-countdown-foot">
        <span>{t('projector.planned', { time: clockText(current.plannedSeconds) })}</span>
        {paused && <span className="projector-paused-badge">{t('projector.paused')}</span>}
      </div>
    </section>
  );
}

function Speaker({ state, t }: { state: ProjectorState; t: T }) {
  const current = state.current;
  if (!current) {
    const key =
      state.state === 'planned'
        ? 'projector.state.planned'
        : state.state === 'concluded'
          ? 'projector.state.concluded'
          : state.state === 'cancelled'
            ? 'projector.state.cancelled'
            : 'projector.state.between';
    return (
      <section className="projector-speaker projector-idle">
        <div className="projector-idle-text" data-testid="projector-idle">
          {t(key)}
        </div>
      </section>
    );
  }
  return (
    <section className="projector-speaker" aria-labelledby="projector-speaker-name">
      <div className="projector-label">{t('projector.current')}</div>
      <h2 id="projector-speaker-name" className="projector-name" data-testid="projector-speaker">
        {current.speakerName ?? current.title}
      </h2>
      {current.speakerPosition && (
        <div className="projector-position">{current.speakerPosition}</div>
      )}
      {current.unitName && (
        <div className="projector-unit" data-testid="projector-unit">
          {current.unitName}
        </div>
      )}
      {current.speakerName && current.title !== current.unitName && (
        <div className="projector-item-title">{current.title}</div>
      )}
    </section>
  );
}

function Next({ state, t }: { state: ProjectorState; t: T }) {
  return (
    <section className="projector-next" aria-labelledby="projector-next-title">
      <h2 id="projector-next-title" className="projector-label">
        {t('projector.next')}
      </h2>
      {state.next.length === 0 ? (
        <p className="projector-next-empty">{t('projector.noNext')}</p>
      ) : (
        <ol className="projector-next-list" data-testid="projector-next">
          {state.next.slice(0, 2).map((item) => {
            const name = item.speakerName ?? item.title;
            // The unit under the speaker; a free item ("Khai mạc") is its title alone.
            const under = item.unitName ?? (item.speakerName ? item.title : null);
            return (
              <li key={item.itemId}>
                <span className="projector-next-name">{name}</span>
                {under && under !== name && <span className="projector-next-unit">{under}</span>}
                <span className="projector-next-time">{clockText(item.plannedSeconds)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Totals({ state, serverNow, t }: { state: ProjectorState; serverNow: number; t: T }) {
  const spent = spentSeconds(state, serverNow);
  const planned = state.totals.plannedSeconds;
  const over = planned > 0 && spent > planned;
  return (
    <footer className="projector-totals">
      <span className="projector-label">{t('projector.total')}</span>
      <span
        className={over ? 'projector-total-value projector-total-over' : 'projector-total-value'}
      >
        {t('projector.totalValue', { spent: clockText(spent), planned: clockText(planned) })}
      </span>
      <div className="projector-bar projector-total-bar" aria-hidden="true">
        <div
          className="projector-bar-fill"
          style={{ width: `${planned > 0 ? Math.min(100, (spent / planned) * 100) : 0}%` }}
        />
      </div>
      <span className="projector-total-items">
        {t('projector.items', { done: state.totals.done, items: state.totals.items })}
      </span>
    </footer>
  );
}

export function ProjectorPage() {
  const { id = '' } = useParams();
  const { t } = useProjectorI18n();
  const { state, offsetMs, connected, refusal, retry } = useProjectorStream(id);
  const fullscreen = useFullscreen();
  const now = useNow(250);
  const serverNow = now + offsetMs;

  useEffect(() => {
    document.title = state
      ? `${state.title} — ${t('projector.pageTitle')}`
      : t('projector.pageTitle');
  }, [state, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey)
        fullscreen.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fullscreen]);

  if (refusal) {
    return (
      <main className="projector projector-refused">
        <h1 className="projector-idle-text">
          {t('projector.error', { message: refusal.message })}
        </h1>
        <Button size="large" onClick={retry}>
          {t('projector.retry')}
        </Button>
      </main>
    );
  }

  return (
    <main className="projector" data-connected={connected ? '1' : '0'}>
      <header className="projector-header">
        <div className="projector-heading">
          <h1 className="projector-title" data-testid="projector-title">
            {state?.title ?? t('projector.pageTitle')}
          </h1>
          {state?.place && <div className="projector-place">{state.place}</div>}
        </div>
        <div className="projector-tools">
          {!connected && (
            <span className="projector-offline" role="status" data-testid="projector-offline">
              {state ? t('projector.disconnected') : t('projector.connecting')}
            </span>
          )}
          <time className="projector-time" dateTime={new Date(serverNow).toISOString()}>
            {new Date(serverNow).toLocaleTimeString('vi-VN', {
              hour: '2-digit',
              minute: '2-digit',
              timeZone: 'Asia/Ho_Chi_Minh',
            })}
          </time>
          {fullscreen.available && (
            <Button
              className="projector-fullscreen"
              ghost
              icon={fullscreen.active ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={fullscreen.toggle}
              aria-label={
                fullscreen.active ? t('projector.exitFullscreen') : t('projector.fullscreen')
              }
            >
              {fullscreen.active ? null : t('projector.fullscreen')}
            </Button>
          )}
        </div>
      </header>
      {state && (
        <>
          <div className="projector-main">
            <Speaker state={state} t={t} />
            {state.current && <Countdown state={state} serverNow={serverNow} t={t} />}
          </div>
          <Next state={state} t={t} />
          <Totals state={state} serverNow={serverNow} t={t} />
        </>
      )}
    </main>
  );
}

export default ProjectorPage;
