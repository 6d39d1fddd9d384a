include <nonexistent.scad>
use <also/nonexistent.scad>
echo(undefined_var, undefined_fn(1));
undefined_module();
