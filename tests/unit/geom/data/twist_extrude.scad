linear_extrude(height=10, twist=90, scale=[2,1]) square([2,1]);
