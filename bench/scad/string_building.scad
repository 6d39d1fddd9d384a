// String building: str() on growing strings and vectors, chr/ord, search.
function join(v, i = 0, acc = "") = i == len(v) ? acc : join(v, i + 1, str(acc, v[i], ","));
function reverse(s, i = 0, acc = "") = i == len(s) ? acc : reverse(s, i + 1, str(s[i], acc));
words = [for (i = [0:4000]) str("w", i, chr(65 + i % 26))];
joined = join(words);
echo(len(joined));
echo(len(reverse(joined)));
echo(len(str([for (i = [0:20000]) i * 1.5])));
echo(len(search("w1", words[0], 0)), len([for (c = joined) ord(c)]));
