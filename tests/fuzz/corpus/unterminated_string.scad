echo("unterminated string);
