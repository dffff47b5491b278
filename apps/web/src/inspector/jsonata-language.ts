import { StreamLanguage, type StringStream } from '@codemirror/language';

/** Just enough JSONata tokenising for syntax colours: strings, numbers, $variables, functions, keywords, comments. */
export const jsonataLanguage = StreamLanguage.define<{ inComment: boolean }>({
  startState: () => ({ inComment: false }),
  token(stream: StringStream, state) {
    if (state.inComment) {
      if (stream.skipTo('*/')) { stream.match('*/'); state.inComment = false; } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('/*')) { state.inComment = true; return 'comment'; }
    const quote = stream.peek();
    if (quote === '"' || quote === "'") {
      stream.next();
      let escaped = false;
      for (let ch = stream.next(); ch !== undefined && ch !== null; ch = stream.next()) {
        if (ch === quote && !escaped) break;
        escaped = !escaped && ch === '\\';
      }
      return 'string';
    }
    if (stream.match('`')) { stream.skipTo('`'); stream.next(); return 'variableName'; }
    if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^\$[A-Za-z_]\w*(?=\s*\()/)) return 'function';
    if (stream.match(/^\$[A-Za-z_]*\w*/)) return 'variableName.special';
    if (stream.match(/^(and|or|in|true|false|null|function)\b/)) return 'keyword';
    if (stream.match(/^[A-Za-z_]\w*/)) return 'propertyName';
    if (stream.match(/^(:=|!=|<=|>=|~>|\.\.|\?:|\?\?|[-+*/%=<>&!?:.,;|^#@~])/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
});
