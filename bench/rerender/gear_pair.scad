// rerender: teeth2 18 20
// Two spur gears (2D outline, extruded, with a bore and spokes); the second
// gear's tooth count changes.
teeth2 = 18;
module gear(teeth, m, thick) {
  r = teeth * m / 2;
  difference() {
    linear_extrude(height = thick)
      union() {
        circle(r = r - m, $fn = teeth * 4);
        for (i = [0:teeth - 1]) rotate(i * 360 / teeth)
          polygon([[r - m, -0.9 * m], [r + m, -0.4 * m], [r + m, 0.4 * m], [r - m, 0.9 * m]]);
      }
    translate([0, 0, -1]) cylinder(r = 2 * m, h = thick + 2, $fn = 32);
    for (a = [0:60:300]) rotate(a) translate([r / 2, 0, -1]) cylinder(r = r / 6, h = thick + 2, $fn = 24);
  }
}
gear(30, 2, 8);
translate([30 + teeth2 + 4, 0, 0]) gear(teeth2, 2, 8);
