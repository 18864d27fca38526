import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Tooltip } from 'antd';
import { usePortalI18n } from './i18n';

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
    text: string,
  ) => (
    <Tooltip title={t(key)} key={key}>
      <Button
        size="small"
        type={on ? 'primary' : 'default'}
        aria-label={t(key)}
        aria-pressed={on}
        onClick={run}
      >
        {text}
      </Button>
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Flex gap={4} wrap style={{ padding: 6, borderBottom: '1px solid #f0f0f0' }} role="toolbar">
        {tool('editor.bold', active?.bold, () => chain().toggleBold().run(), 'B')}
        {tool('editor.italic', active?.italic, () => chain().toggleItalic().run(), 'I')}
        {tool('editor.h2', active?.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
        {tool('editor.bullet', active?.bullet, () => chain().toggleBulletList().run(), '•')}
        {tool('editor.ordered', active?.ordered, () => chain().toggleOrderedList().run(), '1.')}
        {tool('editor.quote', active?.quote, () => chain().toggleBlockquote().run(), '❝')}
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
          'URL',
        )}
        {tool('editor.undo', false, () => chain().undo().run(), '↶')}
        {tool('editor.redo', false, () => chain().redo().run(), '↷')}
      </Flex>
      <EditorContent editor={editor} style={{ padding: '4px 12px', minHeight: 240 }} />
    </div>
  );
}
