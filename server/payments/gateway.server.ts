import type { Config } from "../config";
import { createVnpay, type Vnpay } from "./vnpay";
import { paths } from "../../vocabulary/paths";

const clients = new WeakMap<Config, Vnpay>();

/** The VNPay client configured once per configuration object (the process's). */
export function vnpayFor(config: Config): Vnpay {
  let client = clients.get(config);
  if (!client) {
    client = createVnpay({
      tmnCode: config.VNPAY_TMN_CODE,
      hashSecret: config.VNPAY_HASH_SECRET,
      paymentUrl: config.VNPAY_PAYMENT_URL,
      apiUrl: config.VNPAY_API_URL,
    });
    clients.set(config, client);
  }
  return client;
}

export const RETURN_PATH = paths.fees.result();
export const IPN_PATH = "/payments/vnpay/ipn";
