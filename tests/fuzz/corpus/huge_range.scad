echo([for (i = [0:1e12]) i]);
