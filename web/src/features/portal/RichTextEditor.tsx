import { useEffect, type ReactNode } from 'react';
import Icon, {
  BoldOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Tooltip } from 'antd';
import { usePortalI18n } from './i18n';

/** A quotation mark (antd's icon set has none), drawn like its outlined icons. */
function QuoteOutlined() {
  return (
    <Icon
      aria-hidden
      component={() => (
        <svg viewBox="0 0 1024 1024" width="1em" height="1em" fill="currentColor">
          <path d="M192 560c0-150 88-256 224-304l24 56c-80 32-128 96-136 168h104a48 48 0 0 1 48 48v176a48 48 0 0 1-48 48H240a48 48 0 0 1-48-48V560zm416 0c0-150 88-256 224-304l24 56c-80 32-128 96-136 168h104a48 48 0 0 1 48 48v176a48 48 0 0 1-48 48H656a48 48 0 0 1-48-48V560z" />
        </svg>
      )}
    />
  );
}

/** The article body editor (TipTap). The server sanitizes what it sends anyway. */
export function RichTextEditor({
  value,
  onChange,
  labelledBy,
}: {
  value: string;
  onChange: (html: string) => void;
  labelledBy: string;
}) {
  const { t } = usePortalI18n();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false } }),
    ],
    content: value,
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
    editorProps: {
      attributes: {
        'aria-labelledby': labelledBy,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'portal-editor-content',
      },
    },
  });
  // A reload from the server (after a conflict) replaces the content. useEditor can hand over an
  // instance it has already replaced and destroyed (seen when the page is opened by its URL),
  // whose getHTML() throws: the effect runs again with the new one.
  useEffect(() => {
    if (editor && !editor.isDestroyed && value !== editor.getHTML())
      editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (
    key: Parameters<typeof t>[0],
    on: boolean | undefined,
    run: () => void,
    icon: ReactNode,
  ) => (
    <Tooltip title={t(key)} key={key}>
      <Button
        size="small"
        type={on ? 'primary' : 'text'}
        icon={icon}
        aria-label={t(key)}
        aria-pressed={on}
        onClick={run}
      />
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Flex
        gap={4}
        wrap
        style={{ padding: 6, borderBottom: '1px solid #f0f0f0' }}
        role="toolbar"
        aria-label={t('editor.toolbar')}
      >
        {tool(
          'editor.bold',
          active?.bold,
          () => chain().toggleBold().run(),
          <BoldOutlined aria-hidden />,
        )}
        {tool(
          'editor.italic',
          active?.italic,
          () => chain().toggleItalic().run(),
          <ItalicOutlined aria-hidden />,
        )}
        {tool(
          'editor.h2',
          active?.h2,
          () => chain().toggleHeading({ level: 2 }).run(),
          <FontSizeOutlined aria-hidden />,
        )}
        {tool(
          'editor.bullet',
          active?.bullet,
          () => chain().toggleBulletList().run(),
          <UnorderedListOutlined aria-hidden />,
        )}
        {tool(
          'editor.ordered',
          active?.ordered,
          () => chain().toggleOrderedList().run(),
          <OrderedListOutlined aria-hidden />,
        )}
        {tool(
          'editor.quote',
          active?.quote,
          () => chain().toggleBlockquote().run(),
          <QuoteOutlined />,
        )}
        {tool(
          'editor.link',
          active?.link,
          () => {
            const href = window.prompt(
              t('editor.linkPrompt'),
              editor.getAttributes('link').href as string | undefined,
            );
            if (href === null) return;
            if (href === '') chain().unsetLink().run();
            else chain().extendMarkRange('link').setLink({ href }).run();
          },
          <LinkOutlined aria-hidden />,
        )}
        {tool('editor.undo', false, () => chain().undo().run(), <UndoOutlined aria-hidden />)}
        {tool('editor.redo', false, () => chain().redo().run(), <RedoOutlined aria-hidden />)}
      </Flex>
      <EditorContent editor={editor} style={{ padding: '4px 12px', minHeight: 240 }} />
    </div>
  );
}
