export const DEMO_PASSWORD = "substation-demo";
export const DEMO = {
  admin: "admin@substation.test",
  miner: "miner@substation.test",
  buyer: "buyer@substation.test",
  miner2: "miner2@substation.test",
  buyer2: "buyer2@substation.test",
} as const;

export const storageState = (role: keyof typeof DEMO) => `test-results/.auth/${role}.json`;
