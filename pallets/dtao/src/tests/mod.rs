mod subnets;
