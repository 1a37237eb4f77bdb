// The rule editor of the policy workbench: CodeMirror 5 with a small DRL mode, and the live check:
// as one types (debounced by CodeMirror's lint addon), the text is posted to the workspace, which has
// a child process compile it; the problems come back with their line and column in the reader's
// language and are marked at their line. No inline script: the page's settings are data- attributes.
(function () {
  "use strict";
  var area = document.getElementById("drl");
  if (!area || !window.CodeMirror) return;

  CodeMirror.defineSimpleMode("drl", {
    start: [
      {regex: /\/\/.*/, token: "comment"},
      {regex: /\/\*/, token: "comment", next: "comment"},
      {regex: /"(?:[^\\"]|\\.)*"?/, token: "string"},
      {regex: /'(?:[^\\']|\\.)*'?/, token: "string"},
      {regex: /@[A-Za-z_]\w*/, token: "annotation"},
      {regex: /\b(?:package|import|global|function|query|declare|rule|when|then|end|salience|no-loop|agenda-group|activation-group|not|exists|forall|from|collect|accumulate|eval|and|or|in|matches|memberOf|contains|insert|insertLogical|modify|update|retract|delete|new|return|if|else|true|false|null)\b/, token: "keyword"},
      {regex: /\$[A-Za-z_]\w*/, token: "variable-2"},
      {regex: /\b\d[\d_]*(?:\.\d+)?[lLdDfF]?\b/, token: "number"},
      {regex: /[A-Z][A-Za-z0-9_]*/, token: "type"},
      {regex: /[a-z_][A-Za-z0-9_]*/, token: null},
      {regex: /[-+\/*=<>!]+/, token: "operator"}
    ],
    comment: [
      {regex: /.*?\*\//, token: "comment", next: "start"},
      {regex: /.*/, token: "comment"}
    ],
    meta: {lineComment: "//", blockCommentStart: "/*", blockCommentEnd: "*/"}
  });

  var status = document.getElementById("check-status");
  var list = document.getElementById("check-problems");
  var pending = null;

  function show(problems) {
    list.textContent = "";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.className = p.severity;
      li.textContent = (p.line > 0 ? p.line + ":" + p.column + " " : "") + p.message;
      list.appendChild(li);
    });
    status.textContent = problems.some(function (p) { return p.severity === "error"; })
        ? area.dataset.problems + " " + problems.length : area.dataset.ok;
  }

  function check(text, done) {
    if (pending) pending.abort();
    pending = new AbortController();
    status.textContent = area.dataset.checking;
    fetch(area.dataset.check, {
      method: "POST", credentials: "same-origin", signal: pending.signal,
      headers: {"Content-Type": "application/json", "X-CSRF-Token": area.dataset.csrf},
      body: JSON.stringify({text: text})
    }).then(function (r) { return r.json(); }).then(function (answer) {
      if (answer.superseded) return; // newer text is being checked
      var problems = answer.problems || [];
      show(problems);
      done(problems.filter(function (p) { return p.here && p.line > 0; }).map(function (p) {
        var line = p.line - 1, column = Math.max(0, p.column - 1);
        return {from: CodeMirror.Pos(line, column), to: CodeMirror.Pos(line, column + 1),
                message: p.message, severity: p.severity};
      }));
    }).catch(function (e) { if (e.name !== "AbortError") status.textContent = String(e); });
  }

  var editor = CodeMirror.fromTextArea(area, {
    mode: "drl", lineNumbers: true, indentUnit: 4, gutters: ["CodeMirror-lint-markers"],
    lint: {getAnnotations: check, async: true, delay: 900}
  });
  window.dvkEditor = editor;
})();
