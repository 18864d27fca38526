import { Typography } from 'antd';

/** A word diff: deletions struck through in red, insertions in green. */
export function DiffText({
  changes,
}: {
  changes: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
      {changes.map((c, i) =>
        c.op === 'equal' ? (
          <span key={i}>{c.text}</span>
        ) : c.op === 'insert' ? (
          <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
            {c.text}
          </ins>
        ) : (
          <del key={i} style={{ background: '#ffccc7' }}>
            {c.text}
          </del>
        ),
      )}
    </Typography.Paragraph>
  );
}
