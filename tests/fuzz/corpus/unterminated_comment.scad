/* unterminated comment
echo(1);
