import type { ReactNode } from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";

const body = { backgroundColor: "#f4f5f7", fontFamily: "'Noto Sans', Arial, Helvetica, sans-serif", color: "#1b1f24" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "560px" };
const band = { borderTop: "6px solid #a8201a", paddingTop: "8px", fontWeight: 700, fontSize: "14px" };
const small = { fontSize: "12px", color: "#555b63" };

/** The frame every e-mail shares: language, preview line, agency band and the automated-mail footer. */
export function EmailLayout(props: {
  lang: string;
  preview: string;
  siteName: string;
  signature: string;
  automated: string;
  children: ReactNode;
}) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={band}>{props.siteName}</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={small}>{props.signature}</Text>
          <Text style={small}>{props.automated}</Text>
        </Container>
      </Body>
    </Html>
  );
}
