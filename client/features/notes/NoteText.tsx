import { Box, Link, Typography } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseNote } from '../../../shared/notes/markdownLight';

/**
 * A note's markdown-light text as React elements, node by node: nothing in a note is ever
 * handed to the browser as HTML. A mention is highlighted only when the server resolved it
 * to a colleague who can see the note (`mentioned`); any other @name stays plain text.
 */
export function NoteText({ text, mentioned }: { text: string; mentioned: ReadonlySet<string> }) {
  return (
    <Box sx={{ '& p': { my: 0.5 }, '& ul, & ol': { my: 0.5, pl: 3 }, overflowWrap: 'anywhere' }}>
      {parseNote(text).map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their place
        <BlockView key={i} block={block} mentioned={mentioned} />
      ))}
    </Box>
  );
}

function BlockView({ block, mentioned }: { block: Block; mentioned: ReadonlySet<string> }) {
  if (block.type === 'paragraph')
    return (
      <Typography variant="body2" component="p">
        {inlines(block.children, mentioned)}
      </Typography>
    );
  const List = block.ordered ? 'ol' : 'ul';
  return (
    <Typography variant="body2" component={List}>
      {block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
        <li key={i}>{inlines(item, mentioned)}</li>
      ))}
    </Typography>
  );
}

function inlines(nodes: Inline[], mentioned: ReadonlySet<string>): ReactNode {
  return nodes.map((node, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: inline runs have no identity beyond their place
    <Fragment key={i}>{inline(node, mentioned)}</Fragment>
  ));
}

function inline(node: Inline, mentioned: ReadonlySet<string>): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br />;
    case 'strong':
      return <strong>{inlines(node.children, mentioned)}</strong>;
    case 'em':
      return <em>{inlines(node.children, mentioned)}</em>;
    case 'code':
      return (
        <Box component="code" sx={{ fontFamily: 'monospace', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 }}>
          {node.text}
        </Box>
      );
    case 'link':
      return (
        <Link href={node.href} target="_blank" rel="noopener noreferrer nofollow">
          {inlines(node.children, mentioned)}
        </Link>
      );
    case 'mention':
      return mentioned.has(node.username) ? (
        <Box component="span" data-testid="note-mention" sx={{ color: 'primary.main', fontWeight: 500 }}>
          @{node.username}
        </Box>
      ) : (
        `@${node.username}`
      );
  }
}
