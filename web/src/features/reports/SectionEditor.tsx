import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex } from 'antd';
import { BoldOutlined, ItalicOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useReportsI18n } from './i18n';

interface Props {
  label: string;
  html: string;
  editable: boolean;
  onChange: (html: string) => void;
}

/** One report section in a rich-text editor (the server sanitizes whatever it receives). */
export function SectionEditor({ label, html, editable, onChange }: Props) {
  const { t } = useReportsI18n();
  const editor = useEditor({
    extensions: [StarterKit],
    content: html,
    editable,
    editorProps: {
      attributes: {
        'aria-label': label,
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'report-section-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // Content replaced from outside (a reload, a restored draft, the server's version after a conflict).
  useEffect(() => {
    if (
      editor &&
      !editor.isDestroyed &&
      editor.getHTML() !== html &&
      !(html === '' && editor.isEmpty)
    ) {
      editor.commands.setContent(html, { emitUpdate: false });
    }
  }, [editor, html]);
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return (
    <div
      style={{
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        background: editable ? '#fff' : '#fafafa',
      }}
    >
      {editable && editor && (
        <Flex
          gap={4}
          role="toolbar"
          aria-label={`${t('report.editorToolbar')}: ${label}`}
          style={{ padding: 4, borderBottom: '1px solid #f0f0f0' }}
        >
          <Button
            size="small"
            type={editor.isActive('bold') ? 'primary' : 'text'}
            icon={<BoldOutlined />}
            aria-label={t('report.bold')}
            onClick={() => editor.chain().focus().toggleBold().run()}
          />
          <Button
            size="small"
            type={editor.isActive('italic') ? 'primary' : 'text'}
            icon={<ItalicOutlined />}
            aria-label={t('report.italic')}
            onClick={() => editor.chain().focus().toggleItalic().run()}
          />
          <Button
            size="small"
            type={editor.isActive('bulletList') ? 'primary' : 'text'}
            icon={<UnorderedListOutlined />}
            aria-label={t('report.bullets')}
            onClick={() => editor.chain().focus().toggleBulletList().run()}
          />
        </Flex>
      )}
      <EditorContent
        editor={editor}
        style={{ padding: '4px 12px', minHeight: editable ? 90 : undefined }}
      />
    </div>
  );
}
