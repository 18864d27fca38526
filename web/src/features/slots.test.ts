import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  PeriodLinks,
  ReportPanels,
  SlotsProvider,
  type PeriodLinkProps,
  type ReportPanelProps,
  type WorkspaceSlots,
} from './slots';

const report: ReportPanelProps = { reportId: 7, unitId: 3, periodId: 2 };

function render(slots?: WorkspaceSlots): string {
  const slot = createElement(ReportPanels, report);
  return renderToStaticMarkup(slots ? createElement(SlotsProvider, { value: slots }, slot) : slot);
}

describe('the report page slot', () => {
  it('is empty while no feature adds a panel', () => {
    expect(render()).toBe('');
    expect(render({ reportPanels: [] })).toBe('');
  });

  it('renders each registered panel in order, told which report it is with', () => {
    const panel =
      (name: string) =>
      ({ reportId, unitId, periodId }: ReportPanelProps) =>
        createElement('section', null, `${name}: ${reportId}/${unitId}/${periodId}`);
    const html = render({
      reportPanels: [
        { key: 'tasks.open', Panel: panel('Việc đang mở') },
        { key: 'notes', Panel: panel('Ghi chú') },
      ],
    });
    expect(html).toBe('<section>Việc đang mở: 7/3/2</section><section>Ghi chú: 7/3/2</section>');
  });
});

describe('the period board slot', () => {
  const renderLinks = (slots?: WorkspaceSlots) => {
    const slot = createElement(PeriodLinks, { periodId: 4, unitId: 1 });
    return renderToStaticMarkup(
      slots ? createElement(SlotsProvider, { value: slots }, slot) : slot,
    );
  };

  it('is empty while no feature adds a link, and renders each one told the period', () => {
    expect(renderLinks()).toBe('');
    expect(renderLinks({ reportPanels: [] })).toBe('');
    const link = ({ periodId, unitId }: PeriodLinkProps) =>
      createElement('a', { href: `/meetings?periodId=${periodId}` }, `Hội nghị ${unitId}`);
    expect(renderLinks({ reportPanels: [], periodLinks: [{ key: 'meetings', Link: link }] })).toBe(
      '<a href="/meetings?periodId=4">Hội nghị 1</a>',
    );
  });
});
