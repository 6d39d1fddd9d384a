// Statement rules of the 2021.01 grammar: statement, module_instantiation,
// child_statement, if/else, definitions, assignments (with 2021.01's
// reassignment rule and warnings), arguments and parameters.
#include "lang/parser_impl.h"

namespace mos::lang::detail {

void Parser::ParseUse(File& file) {
  const Token& t = Next();
  UseDirective use;
  use.path = t.text;
  use.resolved = ts_.useResolved[static_cast<size_t>(t.number)];
  use.span = SpanOf(t);
  file.uses.push_back(std::move(use));
}

void Parser::ParseStatement(BodyBuilder& body) {
  DepthGuard guard(*this);
  const Token& t = Peek();
  switch (t.kind) {
    case TokenKind::EndMarker:  // 2021.01's end-of-file marker is a statement
      Next();
      return;
    case TokenKind::Punct:
      if (t.ch == ';') {
        Next();
        return;
      }
      if (t.ch == '{') {
        Next();
        while (!IsPunct('}')) ParseStatement(body);
        Next();
        return;
      }
      break;
    case TokenKind::Module:
      ParseModuleDefinition(body);
      return;
    case TokenKind::Function:
      ParseFunctionDefinition(body);
      return;
    case TokenKind::Identifier:
      if (IsPunct('=', 1)) {
        ParseAssignmentStatement(body);
        return;
      }
      break;
    default:
      break;
  }
  body.body.instantiations.push_back(ParseModuleInstantiation());
}

void Parser::ParseModuleDefinition(BodyBuilder& body) {
  const Token& start = Next();  // module
  auto def = Make<ModuleDefinition>();
  def->name = Expect(TokenKind::Identifier).text;
  def->parameters = ParseParameters();
  def->span = SpanFrom(start);
  BodyBuilder inner(def->body);
  ParseStatement(inner);
  body.body.modules.push_back(std::move(def));
}

void Parser::ParseFunctionDefinition(BodyBuilder& body) {
  const Token& start = Next();  // function
  auto def = Make<FunctionDefinition>();
  def->name = Expect(TokenKind::Identifier).text;
  def->parameters = ParseParameters();
  Expect('=');
  def->body = ParseExpr();
  Expect(';');
  def->span = SpanFrom(start);
  body.body.functions.push_back(std::move(def));
}

void Parser::ParseAssignmentStatement(BodyBuilder& body) {
  size_t startIndex = Pos();
  const Token& start = Next();
  Assignment a;
  a.name = start.text;
  Next();  // '='
  a.value = ParseExpr();
  Expect(';');
  a.span = SpanFrom(start);
  if (&body == topLevel_) AttachComments(a, startIndex, Pos() - 1);
  AddAssignment(body, std::move(a), start);
}

void Parser::AddAssignment(BodyBuilder& body, Assignment a, const Token& start) {
  auto it = body.assignmentIndex.find(a.name);
  if (it == body.assignmentIndex.end()) {
    body.assignmentIndex.emplace(a.name, body.body.assignments.size());
    body.body.assignments.push_back(std::move(a));
    return;
  }
  Assignment& old = body.body.assignments[it->second];
  const std::string& prevFile = old.span.FileName();
  const std::string& currFile = a.span.FileName();
  bool prevMain = prevFile == modelMainPath_;
  bool currMain = currFile == modelMainPath_;
  std::string message;
  if (start.afterEndMarker) {
    // -D overrides replace silently.
  } else if (prevMain && currMain) {
    message = a.name + " was assigned on line " + std::to_string(old.span.line) +
              " but was overwritten";
  } else if (!currMain && (prevMain || (prevFile == currFile && old.span.line != a.span.line))) {
    // (The same file included twice re-assigns on the same line: silent.)
    std::string prevName =
        prevMain && mainPath_.empty() ? mainDisplay_ : RelativeTo(prevFile, modelMainDir_);
    message = a.name + " was assigned on line " + std::to_string(old.span.line) + " of \"" +
              prevName + "\" but was overwritten";
  }
  if (!message.empty()) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.message = message;
    d.location = {LocationName(start), start.line, start.column};
    result_.diagnostics.push_back(d);
    result_.echoLines.push_back("WARNING: " + message + " in file " + WarningFileName(start) +
                                ", line " + std::to_string(start.line));
  }
  old.value = std::move(a.value);
  old.span = std::move(a.span);
  if (!a.commentsBefore.empty() || !a.commentAfter.empty()) {
    old.commentsBefore = std::move(a.commentsBefore);
    old.commentAfter = std::move(a.commentAfter);
  }
}

void Parser::AttachComments(Assignment& a, size_t firstToken, size_t semicolonToken) {
  const Token& first = ts_.tokens[firstToken];
  size_t from = firstToken > 0 ? ts_.tokens[firstToken - 1].commentIndex : 0;
  const Token* before = firstToken > 0 ? &ts_.tokens[firstToken - 1] : nullptr;
  for (size_t i = from; i < first.commentIndex; ++i) {
    const Comment& c = ts_.comments[i];
    if (before && c.fileIndex == before->fileIndex && c.line == before->endLine) continue;
    a.commentsBefore.push_back(c.text);
  }
  const Token& semi = ts_.tokens[semicolonToken];
  if (semicolonToken + 1 < ts_.tokens.size()) {
    const Token& after = ts_.tokens[semicolonToken + 1];
    for (size_t i = semi.commentIndex; i < after.commentIndex; ++i) {
      const Comment& c = ts_.comments[i];
      if (c.fileIndex == semi.fileIndex && c.line == semi.endLine) {
        a.commentAfter = c.text;
        break;
      }
    }
  }
}

bool Parser::IsModuleId(TokenKind k) {
  return k == TokenKind::Identifier || k == TokenKind::For || k == TokenKind::Let ||
         k == TokenKind::Assert || k == TokenKind::Echo || k == TokenKind::Each;
}

const char* Parser::KeywordText(TokenKind k) {
  switch (k) {
    case TokenKind::For: return "for";
    case TokenKind::Let: return "let";
    case TokenKind::Assert: return "assert";
    case TokenKind::Echo: return "echo";
    case TokenKind::Each: return "each";
    default: return "";
  }
}

StatementPtr Parser::ParseModuleInstantiation() {
  DepthGuard guard(*this);
  const Token& start = Peek();
  if (start.kind == TokenKind::Punct &&
      (start.ch == '!' || start.ch == '#' || start.ch == '%' || start.ch == '*')) {
    char c = Next().ch;
    StatementPtr inner = ParseModuleInstantiation();
    auto copy = std::const_pointer_cast<Statement>(inner);
    if (c == '!') copy->modifiers.root = true;
    if (c == '#') copy->modifiers.highlight = true;
    if (c == '%') copy->modifiers.background = true;
    if (c == '*') copy->modifiers.disable = true;
    return inner;
  }
  if (start.kind == TokenKind::If) return ParseIfElse();
  if (!IsModuleId(start.kind)) SyntaxError();
  const Token& nameTok = Next();
  auto inst = Make<InstantiationStatement>(SpanOf(nameTok));
  inst->name = nameTok.kind == TokenKind::Identifier ? nameTok.text : KeywordText(nameTok.kind);
  inst->arguments = ParseArguments();
  inst->span = SpanBetween(inst->span);
  BodyBuilder children(inst->children);
  ParseChildStatement(children);
  return inst;
}

StatementPtr Parser::ParseIfElse() {
  const Token& start = Next();  // if
  auto stmt = Make<IfElseStatement>(SpanOf(start));
  Expect('(');
  stmt->condition = ParseExpr();
  Expect(')');
  stmt->span = SpanBetween(stmt->span);
  BodyBuilder ifTrue(stmt->ifTrue);
  ParseChildStatement(ifTrue);
  if (Peek().kind == TokenKind::Else) {
    Next();
    stmt->hasElse = true;
    BodyBuilder ifFalse(stmt->ifFalse);
    ParseChildStatement(ifFalse);
  }
  return stmt;
}

void Parser::ParseChildStatement(BodyBuilder& body) {
  DepthGuard guard(*this);
  if (Accept(';')) return;
  if (Accept('{')) {
    while (!IsPunct('}')) {
      if (Peek().kind == TokenKind::Identifier && IsPunct('=', 1)) {
        ParseAssignmentStatement(body);
      } else {
        ParseChildStatement(body);
      }
    }
    Next();
    return;
  }
  body.body.instantiations.push_back(ParseModuleInstantiation());
}

std::vector<Argument> Parser::ParseArguments() {
  Expect('(');
  return ParseArgumentListAndClose();
}

std::vector<Argument> Parser::ParseArgumentListAndClose() {
  std::vector<Argument> args = ParseArgumentItems();
  Expect(')');
  return args;
}

std::vector<Argument> Parser::ParseArgumentItems() {
  std::vector<Argument> args;
  if (IsPunct(')') || IsPunct(';')) return args;
  while (true) {
    while (Accept(',')) {
    }
    const Token& start = Peek();
    Argument a;
    if (start.kind == TokenKind::Identifier && IsPunct('=', 1)) {
      a.name = Next().text;
      Next();
    }
    a.value = ParseExpr();
    a.span = SpanFrom(start);
    args.push_back(std::move(a));
    if (!Accept(',')) return args;
  }
}

std::vector<Assignment> Parser::ArgumentsAsAssignments(std::vector<Argument> args) {
  std::vector<Assignment> out;
  out.reserve(args.size());
  for (Argument& a : args) {
    Assignment as;
    as.name = std::move(a.name);
    as.value = std::move(a.value);
    as.span = std::move(a.span);
    out.push_back(std::move(as));
  }
  return out;
}

std::vector<Parameter> Parser::ParseParameters() {
  Expect('(');
  std::vector<Parameter> params;
  while (true) {
    while (Accept(',')) {
    }
    if (Accept(')')) return params;
    const Token& start = Expect(TokenKind::Identifier);
    Parameter p;
    p.name = start.text;
    if (Accept('=')) p.defaultValue = ParseExpr();
    p.span = SpanFrom(start);
    params.push_back(std::move(p));
    if (!IsPunct(',')) {
      Expect(')');
      return params;
    }
  }
}

}  // namespace mos::lang::detail
